/**
 * Synthetic daily digests for the import benchmark: files in the format of
 * `test/fixtures/import/daily-2024-05-20.txt` (front matter, banner, `# <date> 更新`, then per paper
 * `## title`, `**Authors:…**`, abstract, `[PDF](…v1)` + comment, `**Summary**`, `**Key Takeaways**`,
 * ChatPaper notes and a `<details>` with screenshots), about 3 kB of text per digest.
 *
 * Digest `i` has the arXiv id 2407.{i + 1, five digits} (2407.00001, …) and takes its title,
 * authors, abstract, 中文 summary and takeaways from paper `i` of the synthetic search corpus, so
 * it depends only on `i`. A quarter of the abstracts carry 1–4 inline formulas (`$…$`), which the
 * importer renders with KaTeX; one digest in {@link LINK_EVERY} takes its title from the taxonomy
 * titles given, so that title linking has something to find.
 */
import { mulberry32, syntheticCorpus } from './synthetic-corpus';

/** One digest in {@link LINK_EVERY} gets a taxonomy title. */
export const LINK_EVERY = 25;
/** Share of abstracts with inline math. */
export const MATH_SHARE = 0.25;

export interface SyntheticDigestFiles {
  files: { name: string; text: string }[];
  digests: number;
  /** Digests whose title is one of the taxonomy titles given. */
  linkedTitles: number;
  /** Digests whose abstract holds inline math, and the formulas in all. */
  mathAbstracts: number;
  mathSpans: number;
}

const FRONT_MATTER = (date: string, firstTitle: string) => `
---
title: Diffusion Models
date: ${date} 21:03:17
author: Kedreamix
cover: https://picx.zhimg.com/v2-67fcf06188bebeba2fa32a516db190d8.jpg
categories: Paper
tags:
    - Diffusion Models
description: Diffusion Models 方向最新论文已更新，请持续关注 Update in ${date}  ${firstTitle}  
keywords: Diffusion Models
toc:
toc_number: false
toc_style_simple: true
copyright:
copyright_author:
copyright_author_href:
copyright_url:
copyright_info:
mathjax: true
katex:
aplayer:
highlight_shrink:
aside:
---

>⚠️ 以下所有内容总结都来自于 Google的大语言模型[Gemini-Pro](https://ai.google.dev/)的能力，如有错误，仅供参考，谨慎使用
>🔴 请注意：千万不要用于严肃的学术场景，只能用于论文阅读前的初筛！
>💗 如果您觉得我们的项目对您有帮助 [ChatPaperFree](https://github.com/Kedreamix/ChatPaperFree) ，还请您给我们一些鼓励！⭐️ [HuggingFace免费体验](https://huggingface.co/spaces/Kedreamix/ChatPaperFree)

# ${date} 更新

`;

// Formulas of the kind arXiv abstracts hold; `n` varies them so that no two abstracts render the same TeX.
const FORMULAS: readonly ((n: number) => string)[] = [
  (n) => `$\\mathcal{O}(n^{${(n % 3) + 1}})$`,
  (n) => `$\\alpha \\in [0, ${(n % 9) + 1}]$`,
  (n) => `$${128 * ((n % 4) + 1)}\\times${128 * ((n % 4) + 1)}$`,
  (n) => `$\\lambda = 0.${n % 100}$`,
  (n) => `$\\mathbf{x}_t = \\sqrt{\\bar{\\alpha}_t}\\,\\mathbf{x}_0 + \\sqrt{1-\\bar{\\alpha}_t}\\,\\epsilon_{${n % 7}}$`,
  (n) => `$T=${(n % 50) + 1}$`,
  (n) => `$${(n % 9) + 2}.${n % 10}\\times$`,
  (n) => `$\\mathrm{FID} \\approx ${(n % 20) + 2}.${n % 10}$`,
  (n) => `$\\log_2 N$ levels for $N = 2^{${(n % 12) + 4}}$`,
  (n) => `$p_\\theta(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, c_{${n % 5}})$`,
];

/**
 * `count` digests in `files` daily digest files (of `count / files` digests each, the last may hold
 * fewer), dated 2024-07-01, 2024-07-02, ….
 * @param linkTitles Taxonomy titles; digest `i` with `i % LINK_EVERY === 0` takes one of them as its title.
 */
export function syntheticDigestFiles(count: number, files: number, linkTitles: readonly string[] = []): SyntheticDigestFiles {
  const { papers } = syntheticCorpus(count);
  const perFile = Math.ceil(count / files);
  const out: { name: string; text: string }[] = [];
  let linkedTitles = 0;
  let mathAbstracts = 0;
  let mathSpans = 0;
  for (let f = 0; f * perFile < count; f++) {
    const date = `2024-07-${String((f % 28) + 1).padStart(2, '0')}`;
    const parts: string[] = [];
    let firstTitle = '';
    for (let i = f * perFile; i < Math.min(count, (f + 1) * perFile); i++) {
      const paper = papers[i]!;
      const rng = mulberry32(Math.imul(i + 7, 0x85ebca6b) ^ 0x2407);
      const id = `2407.${String(i + 1).padStart(5, '0')}`;
      let title = paper.title;
      if (linkTitles.length > 0 && i % LINK_EVERY === 0) {
        title = linkTitles[(i / LINK_EVERY) % linkTitles.length]!;
        linkedTitles++;
      }
      firstTitle ||= title;
      let abstract = paper.abstract;
      if (rng() < MATH_SHARE) {
        const spans = 1 + Math.floor(rng() * 4);
        const sentences = abstract.split('. ');
        for (let s = 0; s < spans; s++) {
          const formula = FORMULAS[Math.floor(rng() * FORMULAS.length)]!(i + s);
          const at = 1 + Math.floor(rng() * (sentences.length - 1));
          sentences[at] = `${sentences[at]} with ${formula}`;
        }
        abstract = sentences.join('. ');
        mathAbstracts++;
        mathSpans += spans;
      }
      parts.push(entry(id, title, paper.authors, abstract, paper.venue, paper.summaryZh ?? '', paper.takeaways, paper.chatPaper?.titleZh ?? null, paper.chatPaper?.keywords ?? [], i));
    }
    out.push({ name: `daily-${date}-${String(f + 1).padStart(2, '0')}.txt`, text: FRONT_MATTER(date, firstTitle) + parts.join('') });
  }
  return { files: out, digests: count, linkedTitles, mathAbstracts, mathSpans };
}

function entry(id: string, title: string, authors: readonly string[], abstract: string, venue: string | null, summary: string, takeaways: readonly string[], titleZh: string | null, keywords: readonly string[], i: number): string {
  const shot = (n: number) => `<img src="https://pic${n % 2 ? '1' : 'x'}.zhimg.com/v2-${(i * 7919 + n * 104729).toString(16).padStart(32, '0')}.jpg" align="middle">`;
  return `
## ${title}

**Authors:${authors.join(', ')}**

${abstract} 

[PDF](http://arxiv.org/abs/${id}v1) ${venue ? `Accepted by ${venue}` : ''}

**Summary**
${summary}

**Key Takeaways**
${takeaways.map((line) => `- ${line}`).join('\n')}

**[ChatPaperFree](https://huggingface.co/spaces/Kedreamix/ChatPaperFree)**

<ol>
<li>
<p>Title: ${titleZh ?? title}</p>
</li>
<li>
<p>Authors: ${authors.join(', ')}</p>
</li>
<li>
<p>Affiliation: 清华大学</p>
</li>
<li>
<p>Keywords: ${keywords.join(', ')}</p>
</li>
<li>
<p>Urls: https://arxiv.org/abs/${id} , Github: None</p>
</li>
<li>
<p>Summary:</p>
<p>(1): ${summary}</p>
<p>(2): ${takeaways[0] ?? ''}</p>
<p>(3): ${takeaways[1] ?? ''}</p>
<p>(4): ${takeaways.at(-1) ?? ''}</p>
</li>
<li>
<p>方法：</p>
<p>(1):${takeaways[0] ?? ''}</p>
<p>(2):${takeaways[1] ?? ''}</p>
</li>
<li>
<p>结论：</p>
</li>
</ol>
<p>（1）：${summary}</p>
<p>（2）：创新点：${takeaways[0] ?? ''}</p>
<p>性能：${takeaways[1] ?? ''}</p>
<p>工作量：${takeaways.at(-1) ?? ''}</p>


<details>
  <summary>点此查看论文截图</summary>
${[0, 1, 2].map(shot).join('\n')}
</details>



`;
}

/**
 * Every UI string, in English and 简体中文. The build writes them to `_locales/<lang>/messages.json`
 * for the browser's i18n, which picks the user's language; the English text doubles as the
 * fallback where no i18n API is at hand (unit tests). Digest text is never translated: it stays in
 * the language it was written in.
 */
export const MESSAGES = {
  extensionName: { en: 'arXiv Digest Companion', zh_CN: 'arXiv 论文速览' },
  extensionDescription: {
    en: 'Offline bilingual digests and a diffusion-method taxonomy for arXiv papers.',
    zh_CN: '离线的中英双语 arXiv 论文速览，以及扩散模型方法分类。',
  },
  cardLabel: { en: 'arXiv Digest', zh_CN: 'arXiv 速览' },
  collapse: { en: 'Collapse the digest', zh_CN: '收起速览' },
  expand: { en: 'Show the digest', zh_CN: '展开速览' },
  save: { en: 'Save to reading list', zh_CN: '保存到阅读列表' },
  saving: { en: 'Saving…', zh_CN: '正在保存…' },
  saved: { en: 'Saved', zh_CN: '已保存' },
  saveFailed: { en: 'Could not save: $1', zh_CN: '保存失败：$1' },
  takeaways: { en: 'Key takeaways', zh_CN: '要点' },
  taxonomy: { en: 'In the taxonomy', zh_CN: '分类位置' },
  siblings: { en: 'Beside it', zh_CN: '同级方法' },
  openInPanel: { en: 'Open this node in the side panel', zh_CN: '在侧边栏中打开此分类' },
  showMore: { en: 'Notes, abstract and provenance', zh_CN: '笔记、摘要原文与出处' },
  showLess: { en: 'Show less', zh_CN: '收起' },
  notes: { en: 'Reading notes', zh_CN: '阅读笔记' },
  affiliation: { en: 'Affiliation', zh_CN: '机构' },
  keywords: { en: 'Keywords', zh_CN: '关键词' },
  code: { en: 'Code', zh_CN: '代码' },
  background: { en: 'Background', zh_CN: '研究背景' },
  method: { en: 'Method', zh_CN: '方法' },
  conclusion: { en: 'Conclusion', zh_CN: '结论' },
  significance: { en: 'Significance', zh_CN: '意义' },
  innovation: { en: 'Innovation', zh_CN: '创新点' },
  performance: { en: 'Performance', zh_CN: '性能' },
  workload: { en: 'Workload', zh_CN: '工作量' },
  abstract: { en: 'Abstract', zh_CN: '英文摘要' },
  taxonomyNotes: { en: 'Taxonomy notes', zh_CN: '分类笔记' },
  provenance: { en: 'Provenance', zh_CN: '出处' },
  sourceFile: { en: 'Source document', zh_CN: '来源文档' },
  digestDate: { en: 'Digest date', zh_CN: '摘要日期' },
  arxivVersion: { en: 'arXiv version', zh_CN: 'arXiv 版本' },
  newerVersion: { en: 'This page shows v$1; the digest was written from v$2.', zh_CN: '本页是 v$1，速览依据的是 v$2。' },
  uncertainChar: { en: 'The repair was unsure of this character. Other readings: $1', zh_CN: '修复时不确定的字符，其他可能：$1' },
  uncertainLost: { en: 'This character was lost before the digest reached us.', zh_CN: '此字符在来源文档中已丢失。' },
  taxonomyOnly: { en: 'Known from the taxonomy only: there is no digest of this paper yet.', zh_CN: '仅见于分类表，暂无此论文的速览。' },
  badgeDigest: { en: 'A digest of this paper is available: open the side panel', zh_CN: '此论文有速览：打开侧边栏查看' },
  badgeTaxonomy: { en: 'This paper is in the taxonomy: open the side panel', zh_CN: '此论文在分类表中：打开侧边栏查看' },
  searchPlaceholder: { en: 'Search titles, methods, authors, 中文, arXiv ids…', zh_CN: '搜索标题、方法、作者、中文或 arXiv 编号…' },
  searchLabel: { en: 'Search the digests and the taxonomy', zh_CN: '搜索速览与分类表' },
  filterAll: { en: 'All', zh_CN: '全部' },
  filterDigests: { en: 'Digests', zh_CN: '速览' },
  filterTaxonomy: { en: 'Taxonomy', zh_CN: '分类表' },
  filterSaved: { en: 'Saved', zh_CN: '已保存' },
  searchHelp: { en: '↑↓ choose · Enter opens · Ctrl+S saves · Esc clears', zh_CN: '↑↓ 选择 · Enter 打开 · Ctrl+S 保存 · Esc 清空' },
  noResults: { en: 'No paper matches “$1”.', zh_CN: '没有与“$1”匹配的论文。' },
  searchArxivFor: { en: 'Search arXiv for “$1”', zh_CN: '在 arXiv 上搜索“$1”' },
  matchedAuthors: { en: 'Author: $1', zh_CN: '作者：$1' },
  matchedIn: { en: 'Found in the $1', zh_CN: '匹配于：$1' },
  fieldAuthors: { en: 'authors', zh_CN: '作者' },
  fieldKeywords: { en: 'keywords', zh_CN: '关键词' },
  fieldNotes: { en: 'taxonomy notes', zh_CN: '分类笔记' },
  fieldSummary: { en: 'summary and takeaways', zh_CN: '总结与要点' },
  fieldAbstract: { en: 'abstract', zh_CN: '摘要' },
  fieldPath: { en: 'taxonomy path', zh_CN: '分类路径' },
  bibtexCopiedOf: { en: 'BibTeX of “$1” copied.', zh_CN: '已复制“$1”的 BibTeX。' },
  copyFailed: { en: 'Could not copy: $1', zh_CN: '复制失败：$1' },
  resultCount: { en: '$1 results', zh_CN: '$1 条结果' },
  resultCountOne: { en: '1 result', zh_CN: '1 条结果' },
  searchFailed: { en: 'Search failed: $1', zh_CN: '搜索失败：$1' },
  savedMarker: { en: 'in your reading list', zh_CN: '已在阅读列表中' },
  currentPaper: { en: 'This tab', zh_CN: '当前标签页' },
  noCurrentPaper: { en: 'The current tab shows no paper the extension knows.', zh_CN: '当前标签页不是已收录的论文。' },
  recentSaves: { en: 'Recently saved', zh_CN: '最近保存' },
  noSaves: { en: 'Nothing saved yet. Save a paper from its card, this popup, the context menu or Alt+Shift+S.', zh_CN: '还没有保存的论文。可在论文卡片、此弹窗、右键菜单或 Alt+Shift+S 保存。' },
  tabCurrent: { en: 'This tab', zh_CN: '当前页' },
  tabSearch: { en: 'Search', zh_CN: '搜索' },
  tabTaxonomy: { en: 'Taxonomy', zh_CN: '分类' },
  tabReadingList: { en: 'Reading list', zh_CN: '阅读列表' },
  taxonomyPapers: { en: 'Papers here', zh_CN: '此分类下的论文' },
  entryCount: { en: '$1 papers', zh_CN: '$1 篇' },
  filterTreeLabel: { en: 'Filter the taxonomy', zh_CN: '筛选分类' },
  filterTreePlaceholder: { en: 'Filter methods and categories…', zh_CN: '筛选方法与分类…' },
  nodesMatch: { en: '$1 matching nodes', zh_CN: '$1 个匹配的分类' },
  noNodeMatches: { en: 'No method or category is called “$1”.', zh_CN: '没有名为“$1”的方法或分类。' },
  expandNode: { en: 'Open $1', zh_CN: '展开 $1' },
  collapseNode: { en: 'Close $1', zh_CN: '收起 $1' },
  moreSiblings: { en: '+$1 more', zh_CN: '另有 $1 个' },
  fewerSiblings: { en: 'fewer', zh_CN: '收起' },
  entryCountOne: { en: '1 paper', zh_CN: '1 篇' },
  sortBy: { en: 'Sort by', zh_CN: '排序' },
  sortSaved: { en: 'Date saved', zh_CN: '保存时间' },
  sortTitle: { en: 'Title', zh_CN: '标题' },
  statusFilter: { en: 'Status', zh_CN: '状态' },
  sortPaperDate: { en: 'Paper date', zh_CN: '论文日期' },
  sortStatus: { en: 'Status', zh_CN: '状态' },
  filterListLabel: { en: 'Filter the reading list', zh_CN: '筛选阅读列表' },
  filterListPlaceholder: { en: 'Filter by title, author, tag, note…', zh_CN: '按标题、作者、标签、笔记筛选…' },
  entriesShown: { en: '$1 of $2 papers', zh_CN: '$1 / $2 篇' },
  editEntry: { en: 'Note and tags', zh_CN: '笔记与标签' },
  savedOn: { en: 'Saved $1', zh_CN: '保存于 $1' },
  filterByStatus: { en: 'Show', zh_CN: '显示' },
  filterByTag: { en: 'Tagged', zh_CN: '标签' },
  anyStatus: { en: 'Any status', zh_CN: '全部状态' },
  anyTag: { en: 'Any tag', zh_CN: '全部标签' },
  statusToRead: { en: 'To read', zh_CN: '待读' },
  statusReading: { en: 'Reading', zh_CN: '在读' },
  statusDone: { en: 'Done', zh_CN: '已读' },
  note: { en: 'Note', zh_CN: '笔记' },
  tags: { en: 'Tags (comma-separated)', zh_CN: '标签（用逗号分隔）' },
  remove: { en: 'Remove', zh_CN: '移除' },
  exportAs: { en: 'Export', zh_CN: '导出' },
  importJson: { en: 'Import JSON', zh_CN: '导入 JSON' },
  imported: { en: 'Imported: $1 added, $2 updated, $3 already there.', zh_CN: '已导入：新增 $1，更新 $2，已存在 $3。' },
  syncAndBackup: { en: 'Sync and backup', zh_CN: '同步与备份' },
  syncToggle: { en: "Sync the reading list through the browser's sync", zh_CN: '通过浏览器同步功能同步阅读列表' },
  syncExplain: {
    en: "Off by default. When on, each entry's key, title, status, tags, note and change times go to your browser's sync (your Google or Firefox account), and come back on your other computers. Nothing else is sent.",
    zh_CN: '默认关闭。开启后，每个条目的键、标题、状态、标签、笔记和修改时间会进入浏览器的同步（你的 Google 或 Firefox 账号），并在你的其他电脑上出现。不会发送其他任何内容。',
  },
  syncOff: { en: 'Sync is off: the reading list stays on this computer.', zh_CN: '同步已关闭：阅读列表只保存在这台电脑上。' },
  syncSyncing: { en: 'Syncing…', zh_CN: '正在同步…' },
  syncSynced: { en: "Synced: all $1 entries, $2 KB of the browser's 100 KB.", zh_CN: '已同步：全部 $1 个条目，占浏览器 100 KB 同步空间中的 $2 KB。' },
  syncPartial: {
    en: "The browser's sync storage (100 KB) is full: the newest $1 of $2 entries sync; the other $3 stay on this computer, where nothing is lost.",
    zh_CN: '浏览器的同步空间（100 KB）已满：最新的 $1 个条目（共 $2 个）会同步；其余 $3 个只保存在这台电脑上，不会丢失。',
  },
  syncRateLimited: { en: 'The browser allows only so many sync writes a minute; the list syncs again at $1.', zh_CN: '浏览器限制了每分钟的同步写入次数；将在 $1 再次同步。' },
  syncFailed: { en: 'Sync failed: $1. Nothing on this computer was changed or lost; it tries again at $2.', zh_CN: '同步失败：$1。这台电脑上的内容没有改变或丢失；将在 $2 重试。' },
  noBackups: { en: 'No backup yet: one is kept automatically after each change.', zh_CN: '还没有备份：每次修改后会自动保存一份。' },
  chooseBackup: { en: 'Backup to restore', zh_CN: '要恢复的备份' },
  backupOption: { en: '$1 ($2 entries)', zh_CN: '$1（$2 个条目）' },
  restoreFromBackup: { en: 'Restore from backup', zh_CN: '从备份恢复' },
  importNoteConflicts: {
    en: "Both the list and the file had changed the note of: $1. Both texts are kept, the file's under a marked line.",
    zh_CN: '列表和文件都改过这些条目的笔记：$1。两份文字都已保留，文件中的一份在标记行之下。',
  },
  importFailed: { en: 'Nothing was imported. $1', zh_CN: '未导入任何内容。$1' },
  emptyList: { en: 'Your reading list is empty.', zh_CN: '阅读列表是空的。' },
  noMatchingEntries: { en: 'No saved paper matches these filters.', zh_CN: '没有符合筛选条件的论文。' },
  loading: { en: 'Loading…', zh_CN: '正在加载…' },
  errorPrefix: { en: 'Something went wrong: $1', zh_CN: '出错了：$1' },
  saveCommand: { en: 'Save the paper in this tab to the reading list', zh_CN: '将当前标签页的论文保存到阅读列表' },
  contextMenuSave: { en: 'Save to arXiv Digest reading list', zh_CN: '保存到 arXiv 速览阅读列表' },
  openAbs: { en: 'Open on arXiv', zh_CN: '在 arXiv 打开' },
  listingMarker: { en: 'Has a digest in arXiv Digest Companion', zh_CN: 'arXiv 论文速览中有此论文' },
  optionsTitle: { en: 'arXiv Digest Companion: import digests', zh_CN: 'arXiv 论文速览：导入速览文件' },
  importDigestsHeading: { en: 'Import digest files', zh_CN: '导入速览文件' },
  importDigestsHelp: {
    en: 'Pick daily digests or weekly overviews (.txt files like the ones the extension comes with), or a corpus file (.json) made by the digest builder. You can pick many files at once. Damaged text (mojibake) is repaired; a file with code in its HTML, binary data or math built to hang the renderer is refused. Your reading list is never touched.',
    zh_CN: '可选择每日速览或每周概览（与扩展自带文件同格式的 .txt），或速览构建工具生成的语料文件（.json），可一次选择多个文件。乱码会被修复；HTML 中含代码、含二进制数据或含会拖垮公式渲染的文件会被拒绝。阅读列表不受影响。',
  },
  importStarting: { en: 'Starting: opening $1 files…', zh_CN: '正在开始：打开 $1 个文件…' },
  chooseDigestFiles: { en: 'Choose files to import', zh_CN: '选择要导入的文件' },
  importPhaseReading: { en: 'Reading files: $1 of $2', zh_CN: '正在读取文件：$1 / $2' },
  importPhaseParsing: { en: 'Parsing and repairing: $1 of $2 files', zh_CN: '正在解析与修复：$1 / $2 个文件' },
  importPhaseWriting: { en: 'Writing digests: $1 of $2', zh_CN: '正在写入速览：$1 / $2' },
  importPhaseIndexing: { en: 'Updating the search index…', zh_CN: '正在更新搜索索引…' },
  cancelImport: { en: 'Cancel', zh_CN: '取消' },
  importCancelled: { en: 'The import was cancelled. Nothing was imported.', zh_CN: '导入已取消，没有导入任何内容。' },
  importNothingNew: { en: 'Nothing new: no digest was added or updated.', zh_CN: '没有新内容：没有新增或更新的速览。' },
  importDone: { en: 'Imported $1 digests.', zh_CN: '已导入 $1 篇速览。' },
  reportAdded: { en: 'Added ($1)', zh_CN: '新增（$1）' },
  reportUpdated: { en: 'Updated ($1)', zh_CN: '更新（$1）' },
  showAll: { en: 'Show all $1', zh_CN: '显示全部 $1 篇' },
  showFewer: { en: 'Show fewer', zh_CN: '收起' },
  reportSkipped: { en: 'Skipped ($1)', zh_CN: '跳过（$1）' },
  reportWarnings: { en: 'Imported, with warnings ($1)', zh_CN: '已导入，但有提示（$1）' },
  reportRejected: { en: 'Rejected: $1', zh_CN: '已拒绝：$1' },
  importHistoryHeading: { en: 'Imports', zh_CN: '导入记录' },
  importHistoryEmpty: { en: 'No digest files imported yet.', zh_CN: '还没有导入过速览文件。' },
  importBatchSummary: { en: '$1 · $2 digests from $3', zh_CN: '$1 · $2 篇速览，来自 $3' },
  importReport: { en: 'What each file did', zh_CN: '各文件的导入结果' },
  removeImport: { en: 'Remove this import', zh_CN: '移除此次导入' },
  importRemoved: { en: 'Removed the import and its $1 digests.', zh_CN: '已移除此次导入及其 $1 篇速览。' },
  importedFrom: { en: 'Imported from $1 on $2', zh_CN: '从 $1 导入，$2' },
  openOptions: { en: 'Import digests or subscribe to a feed…', zh_CN: '导入速览或订阅速览源…' },
  // The overlay card (issue 14).
  showMoreNoAbstract: { en: 'Notes and provenance', zh_CN: '笔记与出处' },
  provenanceDaily: { en: 'ChatPaperFree daily digest, $1', zh_CN: 'ChatPaperFree 每日速览，$1' },
  switchViewCommand: { en: 'Switch the paper between its abstract, PDF and HTML pages', zh_CN: '在论文的摘要页、PDF 与 HTML 之间切换' },
  noDigestYet: { en: 'No digest yet.', zh_CN: '暂无速览。' },
  viewAbs: { en: 'Abstract page', zh_CN: '摘要页' },
  viewPdf: { en: 'PDF', zh_CN: 'PDF' },
  viewHtml: { en: 'HTML', zh_CN: 'HTML' },
  cardMenu: { en: 'More: views, BibTeX, theme', zh_CN: '更多：视图、BibTeX、主题' },
  themeLabel: { en: 'Colours', zh_CN: '配色' },
  themeAuto: { en: 'Like the page', zh_CN: '跟随页面' },
  themeLight: { en: 'Light', zh_CN: '浅色' },
  themeDark: { en: 'Dark', zh_CN: '深色' },
  listingMarkerSave: { en: 'Click to save to the reading list', zh_CN: '点击保存到阅读列表' },
  provenanceWeekly: { en: 'Weekly overview “生成式论文概览”, $1', zh_CN: '每周《生成式论文概览》，$1' },
  // Zotero (lib/zotero, components/zotero)
  summaryLine: { en: 'One-line summary', zh_CN: '一句话总结' },
  saveToZotero: { en: 'Save to Zotero', zh_CN: '保存到 Zotero' },
  saveSelectedToZotero: { en: 'Save $1 to Zotero', zh_CN: '将 $1 篇保存到 Zotero' },
  zoteroSaving: { en: 'Saving to Zotero…', zh_CN: '正在保存到 Zotero…' },
  zoteroSaved: { en: 'Saved to Zotero, with the digest as a note.', zh_CN: '已保存到 Zotero，速览作为笔记附上。' },
  zoteroSavedMany: { en: 'Saved $1 papers to Zotero, each with its digest as a note.', zh_CN: '已将 $1 篇论文保存到 Zotero，每篇附上速览笔记。' },
  zoteroNotRunning: {
    en: 'Zotero is not running, or its connector is switched off. Start Zotero desktop and try again, or take the citation instead:',
    zh_CN: 'Zotero 没有运行，或其连接器已关闭。请启动 Zotero 桌面版后重试，或改用下面的引用：',
  },
  zoteroOutdatedZotero: { en: 'This Zotero is too old for the connector protocol (version 3): update Zotero desktop.', zh_CN: '此 Zotero 版本过旧，不支持连接器协议第 3 版：请更新 Zotero 桌面版。' },
  zoteroOutdatedExtension: { en: 'Zotero speaks a newer connector protocol than this extension: update the extension.', zh_CN: 'Zotero 的连接器协议比本扩展新：请更新本扩展。' },
  zoteroPermissionRefused: {
    en: 'Saving to Zotero needs access to Zotero on this computer (127.0.0.1:23119). Nothing was sent. You can take the citation instead:',
    zh_CN: '保存到 Zotero 需要访问本机的 Zotero（127.0.0.1:23119）。未发送任何内容。可改用下面的引用：',
  },
  zoteroPermissionElsewhere: {
    en: 'The extension may not reach Zotero on this computer yet: use Save to Zotero once in the toolbar popup or the side panel to allow it. Meanwhile, the citation:',
    zh_CN: '扩展尚未获准访问本机的 Zotero：请先在工具栏弹窗或侧边栏中使用一次“保存到 Zotero”以授权。现在可改用下面的引用：',
  },
  zoteroFailed: { en: 'Zotero did not save it: $1', zh_CN: 'Zotero 未能保存：$1' },
  noPaperToCite: { en: 'this page names no paper', zh_CN: '此页面未标明论文' },
  copyBibtex: { en: 'Copy BibTeX', zh_CN: '复制 BibTeX' },
  bibtexCopied: { en: 'BibTeX copied.', zh_CN: '已复制 BibTeX。' },
  downloadRis: { en: 'Download RIS', zh_CN: '下载 RIS' },
  // Digest feeds (issue 15).
  feedsHeading: { en: 'Digest feeds', zh_CN: '速览订阅' },
  feedsHelp: {
    en: 'Subscribe to a GitHub folder of daily digests, and new ones are imported every day. Subscribing asks your permission to reach api.github.com (one listing of the folder per check) and raw.githubusercontent.com (only new or changed files). Nothing else is sent, and without that permission nothing is asked of anyone. Your reading list is never touched.',
    zh_CN: '订阅 GitHub 上存放每日速览的文件夹，新的速览每天自动导入。订阅时会请求访问 api.github.com（每次检查只列一次文件夹）和 raw.githubusercontent.com（只取新的或改动过的文件）的权限。不会发送其他任何内容；未授权时不会发出任何请求。阅读列表不受影响。',
  },
  feedArchiveLegend: { en: 'The ChatPaperFree archive (Kedreamix/MyBlog), by topic', zh_CN: 'ChatPaperFree 存档（Kedreamix/MyBlog），按方向' },
  feedWindowLabel: { en: 'How far back', zh_CN: '时间范围' },
  feedWindowDays30: { en: 'the last 30 days', zh_CN: '最近 30 天' },
  feedWindowYear: { en: 'a year', zh_CN: '一年' },
  feedWindowAll: { en: 'everything', zh_CN: '全部' },
  feedSubscribe: { en: 'Subscribe', zh_CN: '订阅' },
  feedOtherSummary: { en: 'Another repository in the same format', zh_CN: '其他同格式的仓库' },
  feedFolderLabel: { en: 'Folder (owner/repo/path, or its github.com address)', zh_CN: '文件夹（owner/repo/路径，或其 github.com 地址）' },
  feedNameLabel: { en: 'Name', zh_CN: '名称' },
  feedFolderInvalid: { en: 'That is not a GitHub folder: write owner/repo/path.', zh_CN: '这不是 GitHub 文件夹：请写成 owner/repo/路径。' },
  feedNoTopics: { en: 'Tick at least one topic.', zh_CN: '请至少勾选一个方向。' },
  feedPermissionDenied: { en: 'Not subscribed: the permission to reach GitHub was not given, so nothing was asked of it.', zh_CN: '未订阅：没有获得访问 GitHub 的权限，因此没有发出任何请求。' },
  feedSubscribed: { en: 'Subscribed to $1; the first sync has started.', zh_CN: '已订阅 $1，首次同步已开始。' },
  feedStatusSyncing: { en: 'Syncing: $1 of $2 files', zh_CN: '正在同步：$1 / $2 个文件' },
  feedStatusUpToDate: { en: 'Up to date; last synced $1', zh_CN: '已是最新；上次同步 $1' },
  feedStatusNever: { en: 'Not synced yet', zh_CN: '尚未同步' },
  feedStatusRateLimited: { en: '$1 of $2 files; the rest after $3 (GitHub allows 60 listings an hour)', zh_CN: '已完成 $1 / $2 个文件；其余在 $3 之后（GitHub 每小时限 60 次）' },
  feedStatusRateLimitedIdle: { en: 'All $1 files in; GitHub’s hourly limit is spent, so the next check waits until $2', zh_CN: '$1 个文件均已导入；GitHub 每小时的次数已用完，下次检查在 $2 之后' },
  feedStatusOffline: { en: 'Offline, or GitHub cannot be reached: $1 of $2 files so far; trying again at $3', zh_CN: '离线或无法连接 GitHub：已完成 $1 / $2 个文件；$3 重试' },
  feedStatusServer: { en: 'GitHub had a problem ($1): $2 of $3 files so far; trying again at $4', zh_CN: 'GitHub 出错（$1）：已完成 $2 / $3 个文件；$4 重试' },
  feedStatusNotFound: { en: 'GitHub does not have this repository or branch; checking again at $1', zh_CN: 'GitHub 上没有这个仓库或分支；$1 再检查' },
  feedStatusRefused: { en: 'GitHub refused the request ($1); checking again at $2', zh_CN: 'GitHub 拒绝了请求（$1）；$2 再检查' },
  feedStatusMalformed: { en: 'GitHub’s answer was not a folder listing; checking again at $1', zh_CN: 'GitHub 返回的不是文件夹列表；$1 再检查' },
  feedStatusPermission: { en: 'Waiting for the permission to reach GitHub: subscribe again to grant it', zh_CN: '等待访问 GitHub 的权限：再次订阅即可授权' },
  feedCounts: { en: '$1 files, $2 papers', zh_CN: '$1 个文件，$2 篇论文' },
  feedCountsFailed: { en: '$1 refused', zh_CN: '$1 个被拒绝' },
  feedCountsGone: { en: '$1 no longer in the feed (their papers stay)', zh_CN: '$1 个已不在订阅中（其论文保留）' },
  feedErrors: { en: 'Files refused ($1)', zh_CN: '被拒绝的文件（$1）' },
  feedTopicsAll: { en: 'every topic', zh_CN: '全部方向' },
  feedCheckNow: { en: 'Check now', zh_CN: '立即检查' },
  feedUnsubscribe: { en: 'Unsubscribe', zh_CN: '取消订阅' },
  feedUnsubscribeAsk: { en: 'Keep the papers this feed brought?', zh_CN: '保留此订阅带来的论文吗？' },
  feedKeepPapers: { en: 'Keep its papers', zh_CN: '保留论文' },
  feedRemovePapers: { en: 'Remove its papers', zh_CN: '移除论文' },
  feedUnsubscribed: { en: 'Unsubscribed; its $1 papers were removed. Your reading list is unchanged.', zh_CN: '已取消订阅，移除了 $1 篇论文。阅读列表未改动。' },
  feedUnsubscribedKept: { en: 'Unsubscribed; its papers stay, under Imports. Your reading list is unchanged.', zh_CN: '已取消订阅，论文保留在导入记录中。阅读列表未改动。' },
  newPapersSince: { en: '$1 new papers since yesterday', zh_CN: '自昨天以来 $1 篇新论文' },
} as const satisfies Record<string, { en: string; zh_CN: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Locale = 'en' | 'zh_CN';

/**
 * Fills `$1`, `$2`… the way `browser.i18n.getMessage` does.
 * @example formatMessage('v$1 of $2', ['2', '3']) // 'v2 of 3'
 */
export function formatMessage(template: string, substitutions: readonly string[] = []): string {
  return template.replace(/\$(\d)/g, (whole, digit: string) => substitutions[Number(digit) - 1] ?? whole);
}

/** The `_locales/<locale>/messages.json` file for one locale. */
export function localeMessagesJson(locale: Locale): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, texts] of Object.entries(MESSAGES)) {
    // Chrome wants `$1` written as `$1` in messages without named placeholders: kept as is.
    out[key] = { message: texts[locale] };
  }
  return out;
}

/** The browser's `i18n.getMessage`, or whatever stands in for it. */
export type GetMessage = (key: string, substitutions: string[]) => string;

/**
 * A UI string in the browser's language through `getMessage` (the extension's `_locales`), English
 * where it has nothing or throws (no extension context, as in unit tests).
 * @example
 * translate(browser.i18n.getMessage, 'saveFailed', ['disk full'])
 */
export function translate(getMessage: GetMessage | undefined, key: MessageKey, substitutions: string[] = []): string {
  let message = '';
  try {
    message = getMessage?.(key, substitutions) ?? '';
  } catch {
    // No extension context: fall through to the English text.
  }
  return message || formatMessage(MESSAGES[key].en, substitutions);
}

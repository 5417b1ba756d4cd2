/**
 * The top-level areas of the diffusion-method taxonomy (`data/sources/004_…txt`), in document order.
 *
 * Why a curated list: the export does not mark heading levels, and the body's own evidence (runs of
 * stacked headings at the start of a block) cannot tell an area from a category. `Guidance` opens
 * with `Guidance › Classifier › Noisy Classifier`, exactly like the category run
 * `pre-trained network compression › quantization › PTQ`; `Model Editing › TIME` looks like the
 * category run `Try-On › TryOnDiffusion`. Everything below the areas is inferred from the text.
 *
 * Names are matched to headings in order (see `parseTaxonomy`), so `Guidance`, `Inpainting` and
 * `Restoration`, which also name categories deeper in the tree, are areas only where the order puts
 * them.
 */
/**
 * An area of the curated list: a top-level name, or a sub-area nested in the area named by `within`
 * (which must come earlier in the list).
 */
export type AreaSpec = string | { name: string; within: string };

/** The heading an {@link AreaSpec} matches. */
export function areaName(area: AreaSpec): string {
  return typeof area === 'string' ? area : area.name;
}

export const DIFFUSION_TOP_LEVEL_AREAS: readonly AreaSpec[] = [
  'Theory',
  'Awesome Architecture',
  'Effectiveness and Efficiency Enhancement',
  'Guidance',
  'Inversion',
  'Parameter-Efficient Fine-Tuning',
  'Text-to-Image',
  // Personalized and finer-conditioned generation are kinds of text-to-image generation: the export
  // files them right after it, and `X-to-Image` names itself relative to it.
  { name: 'Personalization', within: 'Text-to-Image' },
  { name: 'X-to-Image (more fine-grained than text-to-image)', within: 'Text-to-Image' },
  'Image Editing through Text',
  'Image Editing through Reference Image',
  'Image Editing through Point-based Supervision',
  'Model Editing',
  'Image-to-Image Translation',
  'Style Transfer',
  'Inverse Problem',
  'Restoration',
  'Super Resolution',
  'Inpainting',
  'Outpainting',
  'Representation Learning',
  'Other Tasks',
  'Generative Understanding',
  'Other Interesting Paper',
];

/** The provider's 30-second preview; a registry hit refreshes the URL, so the element follows it. */
export function PreviewPlayer({ url, title }: { url: string; title: string | null | undefined }) {
  return (
    <section className="preview" aria-label="Preview">
      <span className="section-label">30-second preview</span>
      <audio key={url} controls preload="none" src={url} aria-label={`Preview of ${title ?? 'this track'}`} />
    </section>
  );
}

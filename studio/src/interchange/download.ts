/** Saving a generated file in the browser: a Blob, an object URL and a temporary <a download>. */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is freed a moment later (some browsers read it lazily).
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadFile(file: { fileName: string; mediaType: string; content: string }): void {
  downloadBlob(new Blob([file.content], { type: file.mediaType }), file.fileName);
}

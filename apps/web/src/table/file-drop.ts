/**
 * Calls `onFiles` with the files picked in `input` or dropped on `zone` (which is highlighted,
 * class `over`, while something is dragged over it).
 */
export function onPickedFiles(input: HTMLInputElement, zone: HTMLElement | undefined, onFiles: (files: File[]) => void): void {
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) onFiles([...input.files]);
  });
  if (!zone) return;
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length > 0) onFiles([...e.dataTransfer.files]);
  });
}

/** Saves each blob as a download named `name` (an anchor per file, as tfjs' browserDownloads does). */
export function downloadAll(files: readonly { name: string; blob: Blob }[]): void {
  for (const { name, blob } of files) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // The browser has taken the blob once the click is handled; free it a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

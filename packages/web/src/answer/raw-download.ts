/**
 * The raw dump needs the admin token in a header; a plain link cannot send one (and a token in
 * the URL would land in logs), so fetch it and hand the browser a blob to save.
 */
export async function downloadRaw(id: string, token: string): Promise<void> {
  const res = await fetch(`/api/reports/${encodeURIComponent(id)}/raw`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${id}.dmp`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

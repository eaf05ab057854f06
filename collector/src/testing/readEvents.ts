/** One Server-Sent Event. */
export interface SSE {
  event: string
  data: string
}

/**
 * Reads Server-Sent Events from a streaming response until `until` says
 * stop or `timeoutMs` passes, then cancels the stream. Returns what was read.
 */
export async function readEvents(res: Response, until: (events: SSE[]) => boolean, timeoutMs = 5000): Promise<SSE[]> {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const events: SSE[] = []
  let buffer = ''
  const deadline = Date.now() + timeoutMs
  try {
    while (!until(events) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), Math.max(1, deadline - Date.now()))),
      ])
      if (!chunk || chunk.done) break
      buffer += decoder.decode(chunk.value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: ?(.*)$/m.exec(block)?.[1]
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n')
        if (event) events.push({ event, data })
      }
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  return events
}

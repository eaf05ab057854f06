import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface ProfileSummary {
  totalMs: number
  /** Top functions by self time. */
  functions: Array<{ name: string; where: string; selfMs: number; share: number }>
  /** Self time by where the code lives: a package, a collector file, node internals, native. */
  places: Array<{ where: string; selfMs: number; share: number }>
}

/** Where a function lives, short: `zod`, `collector/src/routes/collect.ts`, `node:internal/...`, or `(native)`. */
function place(url: string): string {
  if (!url) return '(native / VM)'
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1]!
  const own = url.match(/\/(collector|snippet|test)\/(src|bench)\/(.*)$/)
  if (own) return `${own[1]}/${own[2]}/${own[3]}`
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url
}

/** Self time per function and per place in a `.cpuprofile` written by `node --cpu-prof`. */
export function summarizeCpuProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id))
  let total = 0
  const fns = new Map<string, { name: string; where: string; selfMs: number }>()
  const places = new Map<string, number>()
  for (const [id, us] of self) {
    if (idle.has(id)) continue
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const ms = us / 1000
    total += ms
    const where = place(url)
    const key = `${functionName}@${url}:${lineNumber}`
    const fn = fns.get(key) ?? {
      name: functionName || '(anonymous)',
      where: url ? `${where}:${lineNumber + 1}` : where,
      selfMs: 0,
    }
    fn.selfMs += ms
    fns.set(key, fn)
    places.set(where, (places.get(where) ?? 0) + ms)
  }
  const share = (ms: number) => ms / total
  return {
    totalMs: total,
    functions: [...fns.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.selfMs) })),
    places: [...places]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, selfMs]) => ({ where, selfMs, share: share(selfMs) })),
  }
}

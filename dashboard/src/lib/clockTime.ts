const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Local wall-clock time of `ts`, `09:05:07`, with the date in front
 * (`Mar 2, 09:05:07`) when it is not the same day as `now`. Written by hand
 * rather than with `toLocaleTimeString` so it reads the same for every agent.
 */
export function clockTime(ts: number, now: number): string {
  const d = new Date(ts)
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return d.toDateString() === new Date(now).toDateString() ? time : `${MONTHS[d.getMonth()]} ${d.getDate()}, ${time}`
}

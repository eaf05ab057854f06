import type { StreamStatus as Status } from '../models/alertsModel.ts'

export interface Props {
  status: Status
}

/** Whether new alerts are arriving. The test hook's text is the bare status (`live`, `reconnecting`…). */
export function StreamStatus({ status }: Props) {
  return (
    <p class={`stream stream-${status}`} role="status">
      <span class="sr-only">Alert stream: </span>
      <span data-testid="stream-status">{status}</span>
    </p>
  )
}

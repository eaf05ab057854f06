type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes a key,
 * anything else (arrays included) replaces. So `PATCH {"help": {"title": "Stuck?"}}`
 * changes the title alone, and `PATCH {"help": null}` removes the prompt.
 */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch
  const out: Record<string, Json> = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    // A JSON body may carry an own `__proto__` key: never let it reach an object's prototype.
    if (key === '__proto__') continue
    if (value === null) delete out[key]
    else out[key] = mergePatch(out[key], value)
  }
  return out
}

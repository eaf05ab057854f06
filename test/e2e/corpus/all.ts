import { busyPages } from './busy.ts'
import { controls } from './controls.ts'
import { frameworks } from './frameworks.ts'
import { motion } from './motion.ts'
import { phones } from './phone.ts'
import { positives } from './positives.ts'
import type { Scenario } from './Scenario.ts'
import { traps } from './traps.ts'

/** Every labelled scenario, in the order they run. */
export const CORPUS: Scenario[] = [
  ...positives,
  ...traps,
  ...controls,
  ...busyPages,
  ...frameworks,
  ...motion,
  ...phones,
]

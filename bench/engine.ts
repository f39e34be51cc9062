/** Engine figures: filled in when the diagnosis engine lands. */
export async function benchEngine(): Promise<Record<string, unknown>> {
  return {};
}

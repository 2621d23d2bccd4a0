// Limits that keep a hostile or accidental library from exhausting memory or time.
export interface LibraryLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFrontMatterBytes: number;
  maxYamlAliases: number;
  maxYamlDepth: number;
}

export const DEFAULT_LIMITS: LibraryLimits = {
  maxFiles: 20_000,
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxFrontMatterBytes: 16 * 1024,
  maxYamlAliases: 20,
  maxYamlDepth: 12,
};

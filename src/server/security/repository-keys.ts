import type { RepositoryKeys } from '../../db/repositories.js';
import type { StoreKeys } from './store-keys.js';

/** The keys the repositories need, from the keys the database was unlocked with. */
export function repositoryKeys(keys: StoreKeys): RepositoryKeys {
  return { cipher: keys.cipher, auditChainKey: keys.secretsKey.derive('audit-chain') };
}

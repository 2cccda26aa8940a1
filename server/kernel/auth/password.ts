import bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the username does not exist, so a missing user costs the same time.
export const TIMING_DUMMY_HASH = bcrypt.hashSync('timing-equaliser', COST);

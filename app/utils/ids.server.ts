import { randomFillSync } from "node:crypto";

// Ids for rows written with raw SQL on hot paths, in the shape of Prisma's cuid(): 25 characters,
// "c", then the time and a counter in base 36, so ids sort roughly by creation like the others.
let counter = Math.floor(Math.random() * 36 ** 4);

// Random bytes are drawn from the system in blocks: one system call per id cost about 40 µs here,
// a noticeable part of a progress update (two ids each). Every byte is used once.
const RANDOM_PER_ID = 12;
const pool = Buffer.alloc(RANDOM_PER_ID * 256);
let poolOffset = pool.length;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let random = "";
  for (let i = poolOffset; i < poolOffset + RANDOM_PER_ID; i++) random += (pool[i]! % 36).toString(36);
  poolOffset += RANDOM_PER_ID;
  return `c${time}${count}${random}`;
}

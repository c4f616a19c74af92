import { randomBytes } from "node:crypto";

// Ids for rows written with raw SQL on hot paths, in the shape of Prisma's cuid(): 25 characters,
// "c", then the time and a counter in base 36, so ids sort roughly by creation like the others.
let counter = Math.floor(Math.random() * 36 ** 4);

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  let random = "";
  for (const byte of randomBytes(12)) random += (byte % 36).toString(36);
  return `c${time}${count}${random}`;
}

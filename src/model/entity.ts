import { z } from 'zod';
import { idSchema, Instant } from './ids.js';

/** Groups are collective victims or actors ("gay men in Chechnya", "relatives of the attackers"). */
export const EntityKind = z.enum(['person', 'organization', 'place', 'group']);
export type EntityKind = z.infer<typeof EntityKind>;

/** A person, organisation, place or group, with every name it is known by (original script kept). */
export const Entity = z.object({
  id: idSchema('entity'),
  kind: EntityKind,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** For places: the enclosing place (Grozny -> Chechnya -> Russia). */
  parentId: idSchema('entity').nullable(),
  createdAt: Instant,
});
export type Entity = z.infer<typeof Entity>;

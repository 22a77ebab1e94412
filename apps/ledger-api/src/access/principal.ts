/**
 * `finance` posts money for regions under its prefix; `inspector` reads everything under its prefix
 * and opens rectification items, but posts no money; `admin` may call every route.
 */
export const roles = ['finance', 'inspector', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is calling. `regionPrefix` is a leading part of the 12-digit region code at a level boundary
 * (2 province, 4 city, 6 county, 9 township, 12 village digits), or '' for the whole country.
 */
export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly regionPrefix: string;
}

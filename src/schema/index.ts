import { builder } from './builder.ts';
import './user.ts';
import './group.ts';
import './membership.ts';
import './node.ts';
import './user-mutations.ts';
import './group-mutations.ts';
import './membership-mutations.ts';

export const schema = builder.toSchema();

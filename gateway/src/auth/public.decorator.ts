import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hydroml:public';

/** Marks a route that needs no authentication (register, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

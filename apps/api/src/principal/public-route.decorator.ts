import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'api:public-route';

/** Routes that answer without resolving a principal (health probes): no token will be asked for. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

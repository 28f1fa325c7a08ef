import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { TrajectoryVerifyController } from './trajectory-verify.controller';

/** What auditors read beside the trajectories themselves: hash-chain checks and the access log. */
@Module({ controllers: [TrajectoryVerifyController, AccessLogController] })
export class AuditModule {}

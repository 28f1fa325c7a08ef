import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '../../../../libs/domain/src';
import { CLOCK } from '../store/store.tokens';
import { AuditEventsController } from './audit-events.controller';
import { OperationJobs } from './operation-jobs';
import { OPERATION_JOBS, OPERATIONS_OPTIONS, type OperationsOptions } from './operations.tokens';
import { ProjectionRebuildController } from './projection-rebuild.controller';
import { RetentionDryRunController } from './retention-dry-run.controller';
import { StoreVerificationController } from './store-verification.controller';

/**
 * The operator's and auditor's tasks that need the store, served by the API: on the embedded store
 * no other process may open it, so the CLI sends `rebuild`, `verify`, `replay` and
 * `retention --dry-run` here (README, "Operating the embedded store").
 */
@Module({})
export class OperationsModule {
  static register(options: OperationsOptions): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [ProjectionRebuildController, StoreVerificationController, RetentionDryRunController, AuditEventsController],
      providers: [
        { provide: OPERATIONS_OPTIONS, useValue: options },
        { provide: OPERATION_JOBS, inject: [CLOCK], useFactory: (clock: Clock) => new OperationJobs(clock) },
      ],
    };
  }
}

import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { HouseholdEraser } from '../../../../libs/privacy/src';
import { Ctx, type RequestContext } from '../principal/request-context';
import { ErasureRequestDto } from './dto/erasure-request.dto';
import { HouseholdExportService } from './household-export.service';
import { HouseholdIdPipe } from './household-id.pipe';
import { ApiProblem } from '../openapi/problem-responses';
import { ErasureOutcomeSchema, HouseholdExportSchema } from './privacy.schemas';
import { HOUSEHOLD_ERASER } from './privacy.tokens';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(
    @Inject(HOUSEHOLD_ERASER) private readonly eraser: HouseholdEraser,
    private readonly exports: HouseholdExportService,
  ) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a household's personal data (admins)",
    description:
      "Destroys the household's data key: every name, address, phone, note and summary it sealed, in every event and every backup, " +
      'becomes unreadable and reads as { "$erased": true }. Categorical facts stay, so statistics and funder figures do not change. ' +
      'Records HouseholdErased (no personal data) on the stream household-{id}. 404 household-not-found, 409 household-already-erased.',
  })
  @ApiParam({ name: 'id', description: 'The household id (SaisineReceived.householdId, also on every trajectory view).' })
  @ApiOkResponse({ type: ErasureOutcomeSchema, description: 'Erased: what became unreadable, and the HouseholdErased event.' })
  @ApiProblem(400, 'invalid-household-id', 'The id is not a household id, or the reason is not one of the codes.')
  @ApiProblem(404, 'household-not-found', 'No trajectory names this household.')
  @ApiProblem(409, 'household-already-erased', 'The household was erased before.')
  erase(@Param('id', HouseholdIdPipe) id: string, @Body() body: ErasureRequestDto, @Ctx() ctx: RequestContext) {
    return this.eraser.erase(id, { reason: body.reason, actor: { id: ctx.actor.id, role: ctx.actor.role } });
  }

  @Get(':id/export')
  @ApiOperation({
    summary: 'Everything held about a household, decrypted (coordinators, auditors)',
    description:
      "For a request under the right of access: the household's trajectories, their current state and every event with its personal data " +
      'opened (or { "$erased": true } after an erasure). Each trajectory read is written to the access log as household-export.',
  })
  @ApiParam({ name: 'id', description: 'The household id.' })
  @ApiOkResponse({ type: HouseholdExportSchema })
  @ApiProblem(400, 'invalid-household-id', 'The id is not a household id.')
  @ApiProblem(404, 'household-not-found', 'No trajectory names this household.')
  export(@Param('id', HouseholdIdPipe) id: string, @Ctx() ctx: RequestContext) {
    return this.exports.export(id, ctx);
  }
}

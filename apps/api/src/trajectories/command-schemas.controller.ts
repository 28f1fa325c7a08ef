import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { describeTrajectoryCommand, describeTrajectoryCommands, TRAJECTORY_COMMANDS } from '../../../../workflows/trajectory/src';
import { ApiProblem } from '../openapi/problem-responses';
import { HttpProblem } from '../problem-details/http-problem';
import { CommandDescriptionListSchema, CommandDescriptionSchema } from './views/command-description.schemas';

/** The commands' definitions for clients: a screen builds its forms, labels and error messages from them. */
@ApiTags('trajectories')
@Controller('commands')
export class CommandSchemasController {
  @Get()
  @ApiOperation({
    summary: 'Every trajectory command, with its body schema',
    description: 'Name, French and English labels, the JSON Schema the server validates the body with, examples, the events it records and the refusal codes it may answer.',
  })
  @ApiOkResponse({ type: CommandDescriptionListSchema })
  list(): CommandDescriptionListSchema {
    return { commands: describeTrajectoryCommands() };
  }

  @Get(':name')
  @ApiOperation({ summary: 'One trajectory command, with its body schema' })
  @ApiParam({ name: 'name', example: 'record-point' })
  @ApiOkResponse({ type: CommandDescriptionSchema })
  @ApiProblem(404, 'unknown-command', 'No such command: `commands` lists them.')
  one(@Param('name') name: string): CommandDescriptionSchema {
    const description = describeTrajectoryCommand(name);
    if (!description) throw new HttpProblem(404, 'unknown-command', `There is no command "${name.slice(0, 64)}".`, { commands: TRAJECTORY_COMMANDS });
    return description;
  }
}

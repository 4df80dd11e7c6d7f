import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  SessionsContracts as S,
  type CallContext,
  type GridRows,
  type JobView,
  type RecipeExport,
  type SessionStateView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import {
  ApplyRecipeBody,
  ApplyStepBody,
  EditStepBody,
  JumpBody,
  OpenSessionBody,
  SaveSessionBody,
} from './sessions.bodies.js';

type State = Promise<SessionStateView>;

/** Studio sessions: a recipe over a version, edited step by step (see ARCHITECTURE §9). */
@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  open(@Body() body: OpenSessionBody, @Caller() call: CallContext): State {
    return this.nats.request(S.open, body, call);
  }

  @Get(':id')
  get(@Param('id', UUID) sessionId: string, @Caller() call: CallContext): State {
    return this.nats.request(S.get, { sessionId }, call);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', UUID) sessionId: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(S.remove, { sessionId }, call);
  }

  /** AG Grid's server-side row-model request over the session head -> `{rowData, rowCount}`. */
  @Post(':id/rows')
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object' } })
  rows(
    @Param('id', UUID) sessionId: string,
    @Body() request: Record<string, unknown>,
    @Caller() call: CallContext,
  ): Promise<GridRows> {
    return this.nats.request(S.rows, { sessionId, request }, call);
  }

  /** Adds a step after the head (a redo tail is dropped); answers the new schema and rows. */
  @Post(':id/steps')
  @HttpCode(200)
  apply(
    @Param('id', UUID) sessionId: string,
    @Body() body: ApplyStepBody,
    @Caller() call: CallContext,
  ): State {
    return this.nats.request(S.applyStep, { ...body, sessionId }, call);
  }

  @Patch(':id/steps/:index')
  edit(
    @Param('id', UUID) sessionId: string,
    @Param('index', ParseIntPipe) index: number,
    @Body() body: EditStepBody,
    @Caller() call: CallContext,
  ): State {
    return this.nats.request(S.editStep, { ...body, sessionId, index }, call);
  }

  @Delete(':id/steps/:index')
  deleteStep(
    @Param('id', UUID) sessionId: string,
    @Param('index', ParseIntPipe) index: number,
    @Caller() call: CallContext,
  ): State {
    return this.nats.request(S.deleteStep, { sessionId, index }, call);
  }

  @Post(':id/undo')
  @HttpCode(200)
  undo(@Param('id', UUID) sessionId: string, @Caller() call: CallContext): State {
    return this.nats.request(S.undo, { sessionId }, call);
  }

  @Post(':id/redo')
  @HttpCode(200)
  redo(@Param('id', UUID) sessionId: string, @Caller() call: CallContext): State {
    return this.nats.request(S.redo, { sessionId }, call);
  }

  @Post(':id/reset')
  @HttpCode(200)
  reset(@Param('id', UUID) sessionId: string, @Caller() call: CallContext): State {
    return this.nats.request(S.reset, { sessionId }, call);
  }

  /** Moves the head to any step: `{index}` applied steps. */
  @Post(':id/head')
  @HttpCode(200)
  jump(
    @Param('id', UUID) sessionId: string,
    @Body() body: JumpBody,
    @Caller() call: CallContext,
  ): State {
    return this.nats.request(S.jump, { sessionId, index: body.index }, call);
  }

  /** Materialises the head into a new version (a job; editors only). */
  @Post(':id/save')
  @HttpCode(202)
  save(
    @Param('id', UUID) sessionId: string,
    @Body() body: SaveSessionBody,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.nats.request(S.save, { ...body, sessionId }, call);
  }

  @Get(':id/recipe')
  exportRecipe(
    @Param('id', UUID) sessionId: string,
    @Caller() call: CallContext,
  ): Promise<RecipeExport> {
    return this.nats.request(S.exportRecipe, { sessionId }, call);
  }

  /** Applies a saved recipe to this session's version (compatible columns checked). */
  @Post(':id/recipe')
  @HttpCode(200)
  applyRecipe(
    @Param('id', UUID) sessionId: string,
    @Body() body: ApplyRecipeBody,
    @Caller() call: CallContext,
  ): State {
    const { steps, mode, inputSchema } = body;
    return this.nats.request(S.applyRecipe, { sessionId, steps, mode, inputSchema }, call);
  }
}

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
  Query,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  SessionsContracts as S,
  type CallContext,
  type ColumnValues,
  type GridRows,
  type JobView,
  type RecipeExport,
  type SessionStateView,
  type SessionView,
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

const optionalInt = new ParseIntPipe({ optional: true });

/** Studio sessions: a recipe over a version, edited step by step (see ARCHITECTURE §9). */
@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  open(@Body() body: OpenSessionBody, @Caller() call: CallContext): State {
    return this.nats.request(S.open, body, call);
  }

  /** Live sessions on a data source (`?dataSourceId=`), most recently changed first. */
  @Get()
  list(
    @Query('dataSourceId', UUID) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<SessionView[]> {
    return this.nats.request(S.list, { dataSourceId }, call);
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

  /** Distinct values of a head column (set filter): `?search=&offset=&limit=`. */
  @Get(':id/columns/:name/values')
  values(
    @Param('id', UUID) sessionId: string,
    @Param('name') column: string,
    @Query('search') search: string | undefined,
    @Query('offset', optionalInt) offset: number | undefined,
    @Query('limit', optionalInt) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<ColumnValues> {
    const dto = { sessionId, column, search, offset, limit };
    return this.nats.request(S.columnValues, dto, call);
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

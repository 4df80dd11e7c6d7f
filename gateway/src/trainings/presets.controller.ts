import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreatePresetDto,
  ListPresetsDto,
  PresetContracts as P,
  type CallContext,
  type PresetView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

/** The caller's hyperparameter presets (per model type; from a finished run too). */
@ApiTags('trainings')
@Controller('presets')
export class PresetsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  create(@Body() body: CreatePresetDto, @Caller() call: CallContext): Promise<PresetView> {
    return this.nats.request(P.create, body, call);
  }

  @Get()
  list(@Query() query: ListPresetsDto, @Caller() call: CallContext): Promise<PresetView[]> {
    return this.nats.request(P.list, query, call);
  }

  @Delete(':id')
  delete(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<{ deleted: true }> {
    return this.nats.request(P.delete, { id }, call);
  }
}

import { Body, Controller, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CHART_KINDS,
  ChartOptionsDto,
  GridContracts,
  type CallContext,
  type ChartData,
  type ChartKind,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';

const KINDS = Object.fromEntries(CHART_KINDS.map((k) => [k, k]));

@ApiTags('charts')
@Controller('charts')
export class ChartsController {
  constructor(private readonly nats: NatsClient) {}

  /** histogram | box | scatter | line | bar | correlation | missing, as arrays ready for Plotly. */
  @Post(':kind')
  @HttpCode(200)
  chart(
    @Param('kind', new ParseEnumPipe(KINDS)) kind: ChartKind,
    @Body() options: ChartOptionsDto,
    @Caller() call: CallContext,
  ): Promise<ChartData> {
    return this.nats.request(GridContracts.chart, { ...options, kind }, call);
  }
}

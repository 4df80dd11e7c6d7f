import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChartDto, GridContracts, type CallContext, type ChartData } from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ChartsService } from './charts.service.js';

@Controller()
export class ChartsHandler {
  constructor(private readonly charts: ChartsService) {}

  @MessagePattern(GridContracts.chart.subject)
  chart(@Payload() dto: ChartDto, @Call() call: CallContext): Promise<ChartData> {
    return this.charts.chart(call, dto);
  }
}

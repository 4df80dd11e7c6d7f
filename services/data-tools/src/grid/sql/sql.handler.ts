import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GridContracts,
  SaveSqlResultDto,
  SqlHistoryDto,
  SqlQueryDto,
  type CallContext,
  type JobView,
  type SqlHistoryEntry,
  type SqlResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { SqlConsoleService } from './sql-console.service.js';

@Controller()
export class SqlHandler {
  constructor(private readonly console: SqlConsoleService) {}

  @MessagePattern(GridContracts.sql.subject)
  run(@Payload() dto: SqlQueryDto, @Call() call: CallContext): Promise<SqlResult> {
    return this.console.run(call, dto);
  }

  @MessagePattern(GridContracts.saveSql.subject)
  save(@Payload() dto: SaveSqlResultDto, @Call() call: CallContext): Promise<JobView> {
    return this.console.save(call, dto);
  }

  @MessagePattern(GridContracts.sqlHistory.subject)
  history(@Payload() dto: SqlHistoryDto, @Call() call: CallContext): Promise<SqlHistoryEntry[]> {
    return this.console.list(call, dto.limit);
  }
}

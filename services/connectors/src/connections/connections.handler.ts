import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConnectionIdDto,
  ConnectorsContracts,
  CreateConnectionDto,
  CreateSqliteConnectionDto,
  UpdateConnectionDto,
  type CallContext,
  type ConnectionView,
  type Ok,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ConnectionsService } from './connections.service.js';

@Controller()
export class ConnectionsHandler {
  constructor(private readonly connections: ConnectionsService) {}

  @MessagePattern(ConnectorsContracts.create.subject)
  create(@Payload() dto: CreateConnectionDto, @Call() call: CallContext): Promise<ConnectionView> {
    return this.connections.create(call, dto);
  }

  @MessagePattern(ConnectorsContracts.createSqlite.subject)
  createSqlite(
    @Payload() dto: CreateSqliteConnectionDto,
    @Call() call: CallContext,
  ): Promise<ConnectionView> {
    return this.connections.createSqlite(call, dto);
  }

  @MessagePattern(ConnectorsContracts.list.subject)
  list(@Call() call: CallContext): Promise<ConnectionView[]> {
    return this.connections.list(call);
  }

  @MessagePattern(ConnectorsContracts.get.subject)
  get(@Payload() dto: ConnectionIdDto, @Call() call: CallContext): Promise<ConnectionView> {
    return this.connections.get(call, dto.id);
  }

  @MessagePattern(ConnectorsContracts.update.subject)
  update(@Payload() dto: UpdateConnectionDto, @Call() call: CallContext): Promise<ConnectionView> {
    return this.connections.update(call, dto);
  }

  @MessagePattern(ConnectorsContracts.delete.subject)
  async delete(@Payload() dto: ConnectionIdDto, @Call() call: CallContext): Promise<Ok> {
    await this.connections.delete(call, dto.id);
    return { ok: true };
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class ProfileBody {
  @ApiPropertyOptional({ description: 'recompute even when the version has a stored profile' })
  @IsOptional()
  @IsBoolean()
  refresh?: boolean;
}

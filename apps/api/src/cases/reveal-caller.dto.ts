import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CleanText } from '../http/text-rules';

/** POST /cases/{id}/reveal: why the caller is needed in full (kept in the audit trail). */
export class RevealCallerDto {
  @ApiProperty({ example: '先行联系市民核实现场情况', description: 'why the caller is needed in full; kept in the audit trail' })
  @IsString()
  @CleanText()
  @Length(2, 500)
  reason: string;
}

export class RevealedCallerDto {
  @ApiProperty() caseNo: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddressRegisterService } from '@hotline/addresses';
import { Roles } from '@hotline/auth';
import { AddressPageDto, AddressQueryDto } from './addresses.dto';

/** 标准地址库: address search for intake (issue 17). */
@ApiTags('addresses')
@ApiBearerAuth()
@Controller('api/v1/addresses')
export class AddressesController {
  constructor(private readonly register: AddressRegisterService) {}

  /** Live addresses holding every part of `q` (any order, aliases, pinyin initials), shortest labels first. */
  @Get()
  @Roles('operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker')
  @ApiOkResponse({ type: AddressPageDto })
  async search(@Query() query: AddressQueryDto): Promise<AddressPageDto> {
    return { items: await this.register.search(query.q, query.limit) };
  }
}

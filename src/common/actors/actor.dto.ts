import { ApiProperty } from '@nestjs/swagger';

/** Who recorded a change or took an action, as people read it in a history. */
export class ActorDto {
  @ApiProperty({ example: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  fullName!: string;

  @ApiProperty({ example: 'ivanova@adm.khv.ru' })
  email!: string;
}

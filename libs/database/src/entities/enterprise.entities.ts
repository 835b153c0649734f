import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CaseEntity } from './case.entity';
import { StreetEntity } from './reference.entities';
import { UserEntity } from './user.entity';

/** 企业库: an enterprise of the district, keyed by its 统一社会信用代码. */
@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_enterprises_uscc', { unique: true })
  @Column({ type: 'char', length: 18 })
  uscc: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 40 }) industry: string;
  @Index('ix_enterprises_street')
  @Column({ name: 'street_id', type: 'uuid', nullable: true })
  streetId: string | null;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;
  /** The enterprise's contact person: personal data, sealed like callers'. */
  @Column({ name: 'contact_name_sealed', type: 'text' }) contactNameSealed: string;
  @Column({ name: 'contact_phone_sealed', type: 'text' }) contactPhoneSealed: string;
  /** 包联领导 / 服务专员: the district leader or service secretary told of the enterprise's requests. */
  @Index('ix_enterprises_responsible_user')
  @Column({ name: 'responsible_user_id', type: 'uuid', nullable: true })
  responsibleUserId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_user_id' })
  responsibleUser?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Which enterprise an enterprise request (企业诉求) is for; written with the case, in its transaction. */
@Entity('enterprise_cases')
export class EnterpriseCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  @Index('ix_enterprise_cases_enterprise')
  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: EnterpriseEntity;
}

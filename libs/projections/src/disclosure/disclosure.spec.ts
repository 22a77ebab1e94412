import { describeDisclosureSpecs } from '../../testing/disclosure-specs';
import { SqliteReadModel } from '../read-model/sqlite-read-model';

describeDisclosureSpecs('SQLite', async () => SqliteReadModel.open(':memory:'));

import { readdir } from 'node:fs/promises';
import { DEMO_PASSWORD } from '@portal/api-db';
import { DIALECTS, MINIMAL_PDF, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type CompanyLicenceView,
  type CompanyView,
  type ErrorBody,
} from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

describe.each(DIALECTS)(
  'the business licence a company uploads for its verification on %s',
  (dialect) => {
    let t: TestApp;
    const signedIn = async (email: string): Promise<TestClient> => {
      const client = t.client();
      expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
      return client;
    };
    const put = (client: TestClient, name: string, content: Buffer) =>
      client.upload<CompanyLicenceView & ErrorBody>(
        ApiRoutes.myCompanyLicence,
        {},
        { name, content },
        'PUT',
      );
    const stored = async () =>
      (await readdir(t.config.uploadDir).catch(() => [])).length;

    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    it('is uploaded and replaced while the county verifies, and read by the county beside the typed data', async () => {
      const pending = await signedIn('xiaozhong@example.com');
      expect((await pending.get(ApiRoutes.myCompanyLicence)).body).toBeNull();
      const first = await put(pending, '营业执照.pdf', MINIMAL_PDF);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        fileName: '营业执照.pdf',
        kind: 'pdf',
        sizeBytes: MINIMAL_PDF.length,
      });
      const files = await stored();
      const again = await put(pending, 'licence-2.pdf', MINIMAL_PDF);
      expect(again.body.fileName).toBe('licence-2.pdf');
      // The replaced file is gone from the disk, not only from the record.
      expect(await stored()).toBe(files);
      const own = await pending.get(ApiRoutes.myCompanyLicenceFile);
      expect(own.status).toBe(200);
      expect(own.headers['content-type']).toBe('application/pdf');

      const company = (await pending.get<CompanyView>(ApiRoutes.myCompany))
        .body;
      const county = await signedIn('reviewer.jiashan@example.com');
      expect(
        (
          await county.get<CompanyLicenceView>(
            ApiRoutes.companyLicence(company.id),
          )
        ).body,
      ).toMatchObject({ fileName: 'licence-2.pdf', kind: 'pdf' });
      const read = await county.get(ApiRoutes.companyLicenceFile(company.id));
      expect(read.status).toBe(200);
      expect(Number(read.headers['content-length'])).toBe(MINIMAL_PDF.length);
      expect(String(read.headers['content-disposition'])).toMatch(
        /^attachment;/,
      );
      const [viewed] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'company.licence_viewed' AND object_id = ?",
        [company.id],
      );
      expect(Number(viewed.n)).toBe(1);
      const [uploads] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'company.licence_uploaded' AND object_id = ?",
        [company.id],
      );
      expect(Number(uploads.n)).toBe(2);

      // Another county's reviewer and another company do not reach it.
      const otherCounty = await signedIn('reviewer.haiyan@example.com');
      expect(
        (await otherCounty.get(ApiRoutes.companyLicenceFile(company.id)))
          .status,
      ).toBe(404);
      const otherCompany = await signedIn('antai@example.com');
      expect(
        (await otherCompany.get(ApiRoutes.companyLicence(company.id))).status,
      ).toBe(403);
    });

    it('refuses a file that is not a PDF or an image by its content, and a change once verified', async () => {
      const pending = await signedIn('xiaozhong@example.com');
      const text = await put(
        pending,
        'licence.pdf',
        Buffer.from('not a licence, only text'),
      );
      expect(text.status).toBe(415);
      expect(text.body.code).toBe('FILE_REJECTED');
      const none = await pending.upload<ErrorBody>(
        ApiRoutes.myCompanyContact,
        {},
        { name: 'x.pdf', content: MINIMAL_PDF },
        'PUT',
      );
      expect(none.status).toBeGreaterThanOrEqual(400);
      expect(none.status).toBeLessThan(500);

      const verified = await signedIn('antai@example.com');
      const refused = await put(verified, 'licence.pdf', MINIMAL_PDF);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('COMPANY_NOT_PENDING');
      expect((await verified.get(ApiRoutes.myCompanyLicenceFile)).status).toBe(
        404,
      );
    });
  },
);

import { describe, expect, it } from 'vitest';
import { connectionOf } from './postgres-tools';

describe('how pg_dump and pg_restore are told the database', () => {
  it('take the URL without its password, and the password from PGPASSWORD', () => {
    expect(connectionOf('postgres://feedback:p%40ss%20word@db.example:5432/feedback?sslmode=require')).toEqual({
      dbname: 'postgres://feedback@db.example:5432/feedback?sslmode=require',
      env: { PGPASSWORD: 'p@ss word' },
    });
    expect(connectionOf('postgresql://feedback@db.example/feedback?password=salainen')).toEqual({
      dbname: 'postgresql://feedback@db.example/feedback',
      env: { PGPASSWORD: 'salainen' },
    });
  });

  it('pass a URL without a password as it is', () => {
    expect(connectionOf('postgres://postgres@127.0.0.1:5432/feedback')).toEqual({ dbname: 'postgres://postgres@127.0.0.1:5432/feedback', env: {} });
  });
});

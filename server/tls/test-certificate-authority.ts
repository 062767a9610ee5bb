import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A certificate authority made for one test run, trusted by nothing but what the test tells to. */
export interface TestCertificateAuthority {
  /** The CA's certificate (PEM file), for a browser profile or a client to trust. */
  certFile: string;
  /**
   * Issues a server certificate for `hostName`, signed by this CA, into `folder`; each call makes
   * a new key and serial (a renewal).
   */
  issue(hostName: string, folder: string): { certFile: string; keyFile: string; serial: string };
}

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Makes a CA with the openssl command line (EC P-256 keys: quick to make). */
export function makeTestCertificateAuthority(folder: string): TestCertificateAuthority {
  mkdirSync(folder, { recursive: true });
  const keyFile = join(folder, 'ca.key');
  const certFile = join(folder, 'ca.pem');
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyFile], folder);
  openssl(
    ['req', '-x509', '-new', '-key', keyFile, '-sha256', '-days', '2', '-subj', '/CN=Day-centre feedback test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', certFile],
    folder,
  );
  let issued = 0;
  return {
    certFile,
    issue(hostName, target) {
      issued += 1;
      mkdirSync(target, { recursive: true });
      const serverKey = join(target, 'server.key');
      const request = join(target, `server-${issued}.csr`);
      const serverCert = join(target, 'server.pem');
      const extensions = join(target, `server-${issued}.ext`);
      // Browsers want the name in subjectAltName and a server-auth certificate.
      writeFileSync(
        extensions,
        `subjectAltName=DNS:${hostName}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
      );
      // An even number of hex digits, as TLS peers report it.
      const hex = (Date.now() * 1000 + issued).toString(16).toUpperCase();
      const serial = hex.length % 2 ? `0${hex}` : hex;
      openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', serverKey], target);
      openssl(['req', '-new', '-key', serverKey, '-subj', `/CN=${hostName}`, '-out', request], target);
      openssl(
        ['x509', '-req', '-in', request, '-CA', certFile, '-CAkey', keyFile, '-set_serial', `0x${serial}`, '-days', '2', '-sha256', '-extfile', extensions, '-out', serverCert],
        target,
      );
      return { certFile: serverCert, keyFile: serverKey, serial };
    },
  };
}

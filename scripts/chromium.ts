// How every browser run here launches Chromium: Debian's build (never a downloaded one), with the
// flags that keep it off the network this machine does not have. CHROMIUM_PATH points elsewhere.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

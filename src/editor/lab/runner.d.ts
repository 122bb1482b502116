declare module 'virtual:lab-runner' {
  /** The code lab's runner worker as one classic script (scripts/vite/lab-runner-plugin.ts). */
  const source: string;
  export default source;
}

export default defineBackground(() => {
  // The store issue gives the background its database; until then it only exists.
});

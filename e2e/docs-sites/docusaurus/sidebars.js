export default { docs: ['raft', 'cap', 'about'] };

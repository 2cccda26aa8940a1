export { listReceptors } from './list-receptors';

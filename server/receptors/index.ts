export { createReceptor } from './create-receptor';
export { deleteReceptor } from './delete-receptor';
export { listReceptors } from './list-receptors';
export { updateReceptor } from './update-receptor';

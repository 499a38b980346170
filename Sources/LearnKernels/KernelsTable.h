// This build's lk_table (the struct is declared in Table.h): the kernels under their
// suffixed names, for Dispatch.c to pick from. Part of Kernels.h, last.

const lk_table LK_CAT(lk_table, LK_SUFFIX) = {
  .name = LK_NAME,
  .lanes = LK_VL,
  .conv_forward = FN(conv_forward),
  .conv_pool_forward = FN(conv_pool_forward),
  .conv_backward_weights = FN(conv_backward_weights),
  .conv_pool_backward_weights = FN(conv_pool_backward_weights),
  .conv_backward_input = FN(conv_backward_input),
  .channel_moments = FN(channel_moments),
  .channel_affine = FN(channel_affine),
  .batchnorm_backward = FN(batchnorm_backward),
  .column_sums = FN(column_sums),
  .relu = FN(relu),
  .relu_backward = FN(relu_backward),
  .sgd_update = FN(sgd_update),
  .adam_update = FN(adam_update),
  .affine_relu_pool2_forward = FN(affine_relu_pool2_forward),
  .maxpool2_forward = FN(maxpool2_forward),
  .maxpool2_backward = FN(maxpool2_backward),
  .pool2_forward = FN(pool2_forward),
  .pool2_backward = FN(pool2_backward),
  .im2col = FN(im2col),
  .col2im = FN(col2im),
  .affine_relu_pool2_backward = FN(affine_relu_pool2_backward),
};

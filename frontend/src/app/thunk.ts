import { createAsyncThunk } from '@reduxjs/toolkit';
import type { ApiErrorInfo } from '../common/api';
import type { AppDispatch, RootState } from './store';

/** createAsyncThunk that knows the app's state and dispatch, rejecting with ApiErrorInfo. */
export const createAppAsyncThunk = createAsyncThunk.withTypes<{
  state: RootState;
  dispatch: AppDispatch;
  rejectValue: ApiErrorInfo;
}>();

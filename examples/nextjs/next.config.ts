import type { NextConfig } from 'next';

// Nothing to configure: @fc-relink/react ships ESM marked 'use client', which Next.js takes as is.
const nextConfig: NextConfig = {};

export default nextConfig;

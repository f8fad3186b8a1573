/** See the module README. */
package org.hotline81890.directory;
